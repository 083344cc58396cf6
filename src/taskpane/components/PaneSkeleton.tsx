/**
 * Placeholders while the pane or one of its views is on its way: grey bars in the shape
 * of what comes, and one line of text that says what is happening. A live, busy status
 * for assistive technology; the bars are hidden from it. Plain elements and Fluent's CSS
 * variables only (no makeStyles, no Fluent component): the pane's first chunk draws it.
 */
import type { CSSProperties } from 'react';

const bar = (width: string, height = 12): CSSProperties => ({
  width,
  maxWidth: '100%',
  height,
  borderRadius: 'var(--borderRadiusMedium, 4px)',
  backgroundColor: 'var(--colorNeutralStencil1, #e6e6e6)',
});

const column: CSSProperties = { display: 'flex', flexDirection: 'column', gap: 8, minWidth: 0 };
const row: CSSProperties = { display: 'flex', gap: 6, flexWrap: 'wrap' };
const text: CSSProperties = { margin: 0, color: 'var(--colorNeutralForeground2, #424242)', fontSize: 'var(--fontSizeBase200, 12px)' };

/** What a view looks like while it loads: the text, then a few lines. */
export function ViewSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-busy="true" aria-live="polite" style={column} data-loading="view">
      <p style={text}>{label}</p>
      <div aria-hidden="true" style={column}>
        <div style={bar('70%')} />
        <div style={bar('90%')} />
        <div style={bar('55%')} />
      </div>
    </div>
  );
}

/** The whole pane while it starts or reads the workbook: header, toolbar, tabs and the tree's lines. */
export function PaneSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-busy="true" aria-live="polite" style={{ ...column, padding: 10, boxSizing: 'border-box', fontFamily: 'var(--fontFamilyBase, sans-serif)' }} data-loading="pane">
      <p style={text}>{label}</p>
      <div aria-hidden="true" style={{ ...column, gap: 10 }}>
        <div style={bar('60%', 20)} />
        <div style={bar('100%', 6)} />
        <div style={row}>
          <div style={bar('96px', 24)} />
          <div style={bar('72px', 24)} />
        </div>
        <div style={row}>
          <div style={bar('64px', 20)} />
          <div style={bar('72px', 20)} />
          <div style={bar('56px', 20)} />
          <div style={bar('64px', 20)} />
        </div>
        <div style={bar('100%', 28)} />
        {['85%', '70%', '80%', '65%', '75%', '60%'].map((w, i) => (
          <div key={i} style={bar(w, 16)} />
        ))}
      </div>
    </div>
  );
}
