/**
 * The fields and criteria as an ARIA tree: one tab stop, arrows move, Right/Left expand
 * and collapse, Home/End jump, Enter or Space selects. Each item says its status in
 * words to screen readers and with a symbol on screen. Its name starts with the text it
 * shows (code, name, score), so speech users can say what they see (WCAG 2.5.3).
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatNumber } from '../../core/format';
import { useI18n } from '../i18n';
import type { PaneModel, TreeNode } from '../model';
import { STATUS_SYMBOL, useStatusStyles } from './statusStyles';

const useStyles = makeStyles({
  tree: { listStyleType: 'none', margin: 0, padding: 0, maxHeight: '40vh', overflowY: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  item: {
    display: 'flex',
    alignItems: 'baseline',
    gap: '4px',
    padding: '3px 6px',
    cursor: 'pointer',
    fontSize: tokens.fontSizeBase200,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected, fontWeight: tokens.fontWeightSemibold },
  toggle: { width: '1em', flexShrink: 0, color: tokens.colorNeutralForeground3 },
  code: { flexShrink: 0, minWidth: '2.2em' },
  name: { flexGrow: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  score: { flexShrink: 0, color: tokens.colorNeutralForeground3 },
});

export interface CriteriaTreeProps {
  model: PaneModel;
  selected?: string;
  expanded: ReadonlySet<string>;
  /** When set, only these codes (and their ancestors) are shown, all expanded. */
  filter?: ReadonlySet<string>;
  onSelect: (code: string) => void;
  onToggle: (code: string, open: boolean) => void;
}

interface Visible {
  node: TreeNode;
  level: number;
  parent?: string;
  open: boolean;
}

export function CriteriaTree({ model, selected, expanded, filter, onSelect, onToggle }: CriteriaTreeProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const status = useStatusStyles();
  const list = useRef<HTMLUListElement>(null);

  const visible = useMemo(() => {
    const keep = filter ? withAncestors(model, filter) : undefined;
    const out: Visible[] = [];
    const walk = (nodes: TreeNode[], level: number, parent?: string) => {
      for (const node of nodes) {
        if (keep && !keep.has(node.code)) continue;
        const open = node.children.length > 0 && (keep !== undefined || expanded.has(node.code));
        out.push({ node, level, ...(parent !== undefined ? { parent } : {}), open });
        if (open) walk(node.children, level + 1, node.code);
      }
    };
    walk(model.tree, 1);
    return out;
  }, [model, expanded, filter]);

  const [focused, setFocused] = useState<string | undefined>(selected);
  useEffect(() => setFocused(selected), [selected]);
  const active = visible.some((v) => v.node.code === focused) ? focused : visible[0]?.node.code;

  useEffect(() => {
    // Keep the selected item in view (selection may come from the sheet or a search).
    const el = list.current?.querySelector<HTMLElement>('[aria-selected="true"]');
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [selected, visible]);

  const focusCode = (code: string) => {
    setFocused(code);
    list.current?.querySelector<HTMLElement>(`[data-code="${code.replace(/["\\]/g, '\\$&')}"]`)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const i = visible.findIndex((v) => v.node.code === active);
    if (i < 0) return;
    const v = visible[i];
    const go = (j: number) => {
      const target = visible[Math.max(0, Math.min(visible.length - 1, j))];
      if (target) focusCode(target.node.code);
    };
    switch (e.key) {
      case 'ArrowDown': go(i + 1); break;
      case 'ArrowUp': go(i - 1); break;
      case 'Home': go(0); break;
      case 'End': go(visible.length - 1); break;
      case 'ArrowRight':
        if (v.node.children.length > 0 && !v.open) onToggle(v.node.code, true);
        else if (v.open) go(i + 1);
        break;
      case 'ArrowLeft':
        if (v.open && !filter) onToggle(v.node.code, false);
        else if (v.parent !== undefined) focusCode(v.parent);
        break;
      case 'Enter':
      case ' ':
        onSelect(v.node.code);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <ul role="tree" aria-label={t('treeLabel')} className={styles.tree} ref={list} onKeyDown={onKeyDown}>
      {visible.map(({ node, level, open }) => {
        const isSelected = node.code === selected;
        const score = node.score !== undefined ? `${formatNumber(node.score, lang)}/${formatNumber(node.maxPoints, lang)}` : formatNumber(node.maxPoints, lang);
        return (
          <li
            key={node.code}
            role="treeitem"
            data-code={node.code}
            data-status={node.status}
            aria-level={level}
            aria-selected={isSelected}
            {...(node.children.length > 0 ? { 'aria-expanded': open } : {})}
            aria-label={`${node.code} ${node.name} ${t('pointsN', { n: score, count: node.score ?? node.maxPoints })}, ${t(`status_${node.status}`)}`}
            tabIndex={node.code === active ? 0 : -1}
            className={mergeClasses(styles.item, isSelected && styles.selected)}
            style={{ paddingLeft: `${6 + (level - 1) * 12}px` }}
            onFocus={() => setFocused(node.code)}
            onClick={(e) => {
              e.stopPropagation();
              onSelect(node.code);
            }}
          >
            <span
              className={styles.toggle}
              aria-hidden="true"
              onClick={(e) => {
                if (node.children.length === 0 || filter) return;
                e.stopPropagation();
                onToggle(node.code, !open);
              }}
            >
              {node.children.length > 0 ? (open ? '▾' : '▸') : ''}
            </span>
            {/* The spaces between the parts (not laid out in the flex row) keep the item's text as words. */}
            <span aria-hidden="true" className={mergeClasses(status.mark, status[node.status])}>
              {STATUS_SYMBOL[node.status]}
            </span>{' '}
            <span aria-hidden="true" className={styles.code}>{node.code}</span>{' '}
            <span aria-hidden="true" className={styles.name} title={node.name}>{node.name}</span>{' '}
            <span aria-hidden="true" className={styles.score}>{score}</span>
          </li>
        );
      })}
    </ul>
  );
}

function withAncestors(model: PaneModel, codes: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const code of codes) {
    let n = model.index.byCode.get(code);
    while (n) {
      out.add(n.code);
      n = n.parent !== undefined ? model.index.byCode.get(n.parent) : undefined;
    }
  }
  return out;
}
