/** The last step of `npm run build`: stamp build/ with the sources it was made from, so `npm start` and the e2e set-up reuse it. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { markBuilt } from "./build-state";

markBuilt(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."));
