/**
 * The site's own client directive, `client:interaction` (src/client/interaction.ts): an island
 * drawn on the server whose JavaScript loads on first use, or at once when the address carries a
 * query. The search page uses it, so a person who opens it and only looks loads no React.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export default function directivesIntegration(): AstroIntegration {
  return {
    name: 'community-book:directives',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective({
          name: 'interaction',
          entrypoint: fileURLToPath(new URL('../client/interaction.ts', import.meta.url)),
        });
      },
    },
  };
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Astro {
    interface ClientDirectives {
      'client:interaction'?: boolean;
    }
  }
}
