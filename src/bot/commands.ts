import { foldForMatch } from '../referential/verbatim.js';
import type { MessageKey } from '../i18n/fr.js';

/**
 * Top-level text commands, French first with English aliases. Matching is
 * case- and accent-insensitive; the bot's @mention is stripped before.
 */
export const COMMAND_IDS = ['help'] as const;
export type CommandId = (typeof COMMAND_IDS)[number];

export interface CommandSpec {
  id: CommandId;
  /** Folded spellings that trigger the command (first: the French name). */
  names: readonly string[];
  /** Catalog keys for the name and description shown in help. */
  nameKey: MessageKey;
  descriptionKey: MessageKey;
  takesArgument: boolean;
}

export const COMMANDS: readonly CommandSpec[] = [
  { id: 'help', names: ['aide', 'help', '?'], nameKey: 'command.help', descriptionKey: 'command.help.description', takesArgument: false },
];

export interface ParsedCommand {
  id: CommandId;
  argument: string;
}

/** The command a message asks for, or null when the text is not a command. */
export function parseCommand(text: string): ParsedCommand | null {
  const folded = foldForMatch(text).replace(/[.!]+$/, '').trim();
  for (const spec of COMMANDS) {
    for (const name of spec.names) {
      if (folded === name) return { id: spec.id, argument: '' };
      if (spec.takesArgument && folded.startsWith(`${name} `)) {
        // Keep the argument's own spelling (codes are case-insensitive later).
        return { id: spec.id, argument: text.trim().split(/\s+/).slice(name.split(' ').length).join(' ') };
      }
    }
  }
  return null;
}

export function isCommandId(value: string): value is CommandId {
  return (COMMAND_IDS as readonly string[]).includes(value);
}
