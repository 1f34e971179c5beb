export { compileText, fillText, TEMPLATE_LIMITS, type TextTemplate } from "./interpret.js";
export { joinList, type ParameterValues, parameterValues, resolveBody } from "./resolve.js";
export { type TemplateSource, type TemplateUsage, templateUsage } from "./usage.js";
