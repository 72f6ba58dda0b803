// Every CLI command, in the order --help lists them.
import type { Command } from '../io';

export const commands: Command[] = [];
