export { builtinLibrary } from "./builtin.js";
export { assertLibrary, checkLibrary } from "./check.js";
export { parseClause, safeParseClause } from "./clause.js";
export {
  type CreateLibraryOptions,
  createLibrary,
  type DefinitionInput,
  type OwnLibrary,
  safeCreateLibrary,
} from "./create.js";
export { findClause, getClause } from "./get.js";
