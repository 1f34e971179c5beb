/** The version of `@fairtender/renderer` (printed in document properties). Kept equal to package.json by a test. */
export const RENDERER_VERSION = "0.1.0";
