// Every CLI command, in the order --help lists them.
import type { Command } from '../io';
import { redactCommand } from './redact';

export const commands: Command[] = [redactCommand];
