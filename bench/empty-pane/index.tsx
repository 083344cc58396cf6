// The baseline for bench/pane.ts: a Fluent UI v9 pane with a title and one button, built
// with the add-in's own webpack configuration, so the difference is the add-in's weight.
import { createRoot } from 'react-dom/client';
import { Body1, Button, FluentProvider, Title2, webLightTheme } from '@fluentui/react-components';

function EmptyPane() {
  return (
    <main style={{ padding: 16 }}>
      <Title2 as="h1">Chỉ số CCHC</Title2>
      <Body1 as="p">Ngăn tác vụ trống / Empty pane</Body1>
      <Button appearance="primary">Bắt đầu</Button>
    </main>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('empty pane page has no #root element');
createRoot(container).render(
  <FluentProvider theme={webLightTheme} lang="vi">
    <EmptyPane />
  </FluentProvider>,
);
