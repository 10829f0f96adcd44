// Replaced at build time with package.json's version (see scripts/build.mjs).
declare const __EKS_LENS_VERSION__: string | undefined;

export const VERSION: string = typeof __EKS_LENS_VERSION__ === 'string' ? __EKS_LENS_VERSION__ : '0.0.0-dev';
