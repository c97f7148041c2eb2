// Imported first by main.tsx: zod 4 otherwise probes for eval once (`new Function('')`), which the
// app's Content-Security-Policy (no 'unsafe-eval') reports as a violation. zod's documented switch
// for strict CSPs makes it never try.
import { z } from 'zod';

z.config({ jitless: true });
