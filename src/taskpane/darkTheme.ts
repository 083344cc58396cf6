// Fluent's dark theme, its own chunk: only a dark Office loads it (theme.ts).
export { webDarkTheme } from '@fluentui/react-components';
