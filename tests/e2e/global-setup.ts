import type { TestProject } from 'vitest/node';
import { startPreview } from '../../tools/preview-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const { server, url } = await startPreview();
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}
