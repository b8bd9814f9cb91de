/**
 * The one formatting module: dates, names and labels as the cards, the tab, the `.ics` descriptions
 * and the exports show them. Dependency-free, so the tab bundles it as it is.
 */
export * from './dates';
export * from './labels';
export * from './names';
export * from './problems';
