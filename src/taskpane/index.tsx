// Task pane entry: a placeholder shell until the scoring pane replaces it.
import { createRoot } from 'react-dom/client';
import { Body1, FluentProvider, Title2, webLightTheme } from '@fluentui/react-components';

function Shell() {
  return (
    <main style={{ padding: 16 }}>
      <Title2 as="h1">Chỉ số CCHC</Title2>
      <Body1 as="p" role="status">
        Đang tải bảng chấm điểm...
      </Body1>
    </main>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html has no #root element');
createRoot(container).render(
  <FluentProvider theme={webLightTheme} lang="vi">
    <Shell />
  </FluentProvider>,
);
