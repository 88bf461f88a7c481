import { randomBytes } from 'node:crypto';
import type { RandomSource } from './domain/index.js';

/** Uniform in [0, 1) from the OS's CSPRNG (48 bits): join codes must not be guessable. */
export const cryptoRandom: RandomSource = () => randomBytes(6).readUIntBE(0, 6) / 2 ** 48;
