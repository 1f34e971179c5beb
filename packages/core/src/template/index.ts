export { joinList, type ParameterValues, parameterValues, resolveBody } from "./resolve.js";
export { type TemplateSource, type TemplateUsage, templateUsage } from "./usage.js";
