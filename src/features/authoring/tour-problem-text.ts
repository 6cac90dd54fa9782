import type { TourField, TourProblem } from '../../model/tour-draft';

const stepFieldNames: Record<TourField, string> = {
  title: 'title',
  description: 'description',
  steps: 'steps',
  text: 'text for the class',
  notes: 'talking points',
  concepts: 'concepts',
};

const capital = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

/** A tour's problem said for a teacher: the step and field it is about, then the reason. */
export function tourProblemText({ step, field, message }: TourProblem): string {
  const own = message.startsWith('must');
  if (step === undefined) {
    if (field === 'steps') return `${capital(message)}.`;
    return own ? `The tour’s ${field} ${message}.` : `The tour’s ${field}: ${message}.`;
  }
  if (field === 'concepts' || !own) return `Step ${step}: ${message}.`;
  return `Step ${step}’s ${stepFieldNames[field]} ${message}.`;
}
