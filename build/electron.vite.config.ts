// Desktop build: main (ESM), the sandboxed preload (CommonJS) and the shared renderer config.
// Run from the repo root: electron-vite build --config build/electron.vite.config.ts
import { defineConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';
import { rendererViteConfig } from './renderer.config.ts';

const fromRoot = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const renderer = rendererViteConfig();

export default defineConfig({
  main: {
    build: {
      outDir: fromRoot('out/main'),
      // electron-vite externalizes package.json "dependencies" by default. Everything here is
      // a devDependency, and the packaged app ships out/** only, so zod and the rest must be
      // bundled: say so explicitly rather than rely on the dependency list staying empty.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: fromRoot('main/index.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: fromRoot('out/preload'),
      externalizeDeps: false,
      // A sandboxed preload cannot be an ES module, and package.json says "type": "module",
      // so CommonJS output must be named .cjs.
      rolldownOptions: {
        input: { index: fromRoot('main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...renderer,
    build: {
      ...renderer.build,
      outDir: fromRoot('out/renderer'),
      minify: true,
      rolldownOptions: {
        input: { index: fromRoot('renderer/index.html') },
      },
    },
  },
});
