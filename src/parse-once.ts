/**
 * Options for a zod parse of data read once at start (the dataset, vocabularies, catalogues, the
 * environment). zod compiles a fast path for each object schema on its first parse, which pays
 * off over many parses; for a single one the compiling costs more than it saves (~100 ms of the
 * console's first answer). Schemas parsed per request keep the compiled path.
 */
export const PARSED_ONCE = { jitless: true };
