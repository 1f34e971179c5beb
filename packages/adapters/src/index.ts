/** @packageDocumentation `@fairtender/adapters` (work in progress). */
export {};
