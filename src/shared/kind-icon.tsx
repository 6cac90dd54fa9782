import {
  ArrowUpRight,
  BookOpen,
  CircleDot,
  Columns3,
  Compass,
  Factory,
  Flag,
  History,
  KeyRound,
  Lightbulb,
  MessageSquareQuote,
  type LucideIcon,
  Scale,
  ScrollText,
  Sparkles,
  TrendingUp,
} from 'lucide-react';
import type { ConceptKind } from '../model/schema';

const icons: Record<ConceptKind, LucideIcon> = {
  thesis: Flag,
  keyword: KeyRound,
  pillar: Columns3,
  pair: Scale,
  pole: CircleDot,
  principle: Compass,
  direction: ArrowUpRight,
  leap: TrendingUp,
  metaphor: Sparkles,
  example: Factory,
  policy: ScrollText,
  history: History,
  idea: Lightbulb,
  source: MessageSquareQuote,
};

export const SectionIcon = BookOpen;

/** The kind's icon; decorative, because the kind is always named in text beside it. */
export function KindIcon({ kind, size = 18 }: { kind: ConceptKind; size?: number }) {
  const Icon = icons[kind];
  return <Icon aria-hidden="true" focusable="false" size={size} strokeWidth={2.25} />;
}
