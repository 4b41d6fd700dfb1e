/** The handover element in React's JSX (the list page renders it): see ./introduce-someone.ts. */
import 'react';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'introduce-someone': React.DetailedHTMLProps<React.HTMLAttributes<HTMLElement>, HTMLElement> & {
        'data-group': string;
        'data-contacts': string;
      };
    }
  }
}
