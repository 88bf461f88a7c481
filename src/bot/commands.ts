import { foldForMatch } from '../referential/verbatim.js';
import type { CommandSpec } from './feature.js';

export interface ParsedCommand {
  spec: CommandSpec;
  /** The rest of the message, in the user's own spelling (e.g. a join code). */
  argument: string;
}

/**
 * The command a message asks for, or null. Case-, accent- and
 * punctuation-insensitive; the longest matching name wins ("mes répétitions"
 * before "répétition").
 */
export function parseCommand(text: string, commands: readonly CommandSpec[]): ParsedCommand | null {
  const folded = foldForMatch(text).replace(/[.!]+$/, '').trim();
  const candidates = commands
    .flatMap((spec) => spec.names.map((name) => ({ spec, name })))
    .sort((a, b) => b.name.length - a.name.length);
  for (const { spec, name } of candidates) {
    if (folded === name) return { spec, argument: '' };
    if (spec.takesArgument && folded.startsWith(`${name} `)) {
      const words = text.trim().split(/\s+/);
      return { spec, argument: words.slice(name.split(' ').length).join(' ') };
    }
  }
  return null;
}
