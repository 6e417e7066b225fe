import { useEffect, useRef, useState } from 'react';
import type { RuleHelp } from '../rule-help';

interface RuleHelpDialogProps {
  rule: string;
  onClose(): void;
}

/** What a rule checks and why it matters, for the finding whose rule link was followed. */
export function RuleHelpDialog({ rule, onClose }: RuleHelpDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  // The help texts load with the dialog, not with the page.
  const [help, setHelp] = useState<RuleHelp | undefined | 'loading'>('loading');

  useEffect(() => {
    const d = dialog.current!;
    if (!d.open) d.showModal();
  }, []);

  useEffect(() => {
    let current = true;
    void import('../rule-help').then(({ ruleHelp }) => current && setHelp(ruleHelp(rule)));
    return () => {
      current = false;
    };
  }, [rule]);

  const doc = help === 'loading' ? undefined : help;
  return (
    <dialog ref={dialog} className="rule-help" aria-labelledby="rule-help-title" onClose={onClose}>
      <h2 id="rule-help-title">{doc?.title ?? rule}</h2>
      <p className="rule-id">
        Rule <code>{rule}</code>
        {doc && (doc.reference ? ' · also reported by coreos-cloudinit' : ' · an extra check of this app')}
      </p>
      <p>
        {help === 'loading'
          ? 'Loading…'
          : (doc?.help ?? 'There is no help text for this rule yet; the finding’s message says what was found.')}
      </p>
      <form method="dialog">
        <button type="submit" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
