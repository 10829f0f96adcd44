// Every glossary entry, in the order the docs page lists them.
import { ENTRIES as PLANES } from './planes';
import { ENTRIES as RESOURCES } from './resources';
import type { GlossaryEntry } from './types';

export const GLOSSARY: readonly GlossaryEntry[] = [...PLANES, ...RESOURCES];
