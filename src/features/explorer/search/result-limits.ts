/** How many results the list shows; the map highlights more. */
export const SHOWN_RESULTS = 8;
export const HIGHLIGHTED_MATCHES = 50;
