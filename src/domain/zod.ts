// zod, configured once for everywhere it runs. Jitless: zod otherwise probes for eval once
// (`new Function('')`) when it builds an object schema, which the app's Content-Security-Policy
// (no 'unsafe-eval') reports as a violation. Every module builds its schemas with the `z` from
// here, never from 'zod' itself (test/architecture.test.ts), so the setting is in place before
// any schema exists, however the bundler splits the app into chunks.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
