import type { CliCommand } from '../command';
import { demoCommand } from './demo';
import { generateCommand } from './generate';
import { runCommand } from './run';
import { emulatorCommand } from './emulator';
import { doctorCommand } from './doctor';
import { tokenCommand } from './token';
import { keygenCommand } from './keygen';
import { wrapCommand } from './wrap';

/** In the contract's order (cli-contract.md). */
export const commands: readonly CliCommand[] = [
  demoCommand,
  generateCommand,
  runCommand,
  emulatorCommand,
  doctorCommand,
  tokenCommand,
  keygenCommand,
  wrapCommand,
];
