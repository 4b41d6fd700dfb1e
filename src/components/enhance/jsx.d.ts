/** The small elements in React's JSX (the search results render `<add-to-list>`): see this folder. */
import 'react';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'add-to-list': React.DetailedHTMLProps<React.HTMLAttributes<HTMLElement>, HTMLElement> & {
        'data-id': string;
        'data-name': string;
      };
    }
  }
}
