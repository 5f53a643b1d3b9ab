import { useId } from "react";
import { STARTER_FLOWS, type StarterFlowId } from "../../engine/starterFlows";

// Object.keys widens to string[]; these are exactly STARTER_FLOWS' keys.
const TEMPLATE_IDS = Object.keys(STARTER_FLOWS) as StarterFlowId[];

interface TemplatePickerProps {
  id: string;
  disabled: boolean;
  onChoose(starter: StarterFlowId): void;
}

/** The starter flows a new flow begins from, each with what it shows about memory. */
export function TemplatePicker({ id, disabled, onChoose }: TemplatePickerProps) {
  const headingId = useId();
  return (
    <section id={id} className="template-picker" aria-labelledby={headingId}>
      <h3 id={headingId}>Start from a template</h3>
      <ul>
        {TEMPLATE_IDS.map((starter) => (
          <li key={starter}>
            <TemplateButton starter={starter} disabled={disabled} onChoose={onChoose} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function TemplateButton({
  starter,
  disabled,
  onChoose,
}: {
  starter: StarterFlowId;
  disabled: boolean;
  onChoose(starter: StarterFlowId): void;
}) {
  const descriptionId = useId();
  const { name, description } = STARTER_FLOWS[starter];
  // The description sits outside the button so the button is named by its visible label alone;
  // the button stretches over the whole card (CSS) so clicking the description chooses it too.
  return (
    <div className="template">
      <button
        type="button"
        className="template-name"
        aria-describedby={descriptionId}
        disabled={disabled}
        onClick={() => onChoose(starter)}
      >
        {name}
      </button>
      <p id={descriptionId} className="template-description">
        {description}
      </p>
    </div>
  );
}
