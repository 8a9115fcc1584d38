/** The plots' size in CSS pixels (the SVG's and the report's <img>), apart from the charting code so the page need not load it. */
export const PLOT_SIZE = { width: 720, height: 420 } as const;
