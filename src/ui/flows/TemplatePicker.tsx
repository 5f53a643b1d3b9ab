import { useId } from "react";
import { FLOW_TEMPLATES, type FlowTemplateId } from "../../engine/starterFlows";

// Object.keys widens to string[]; these are exactly FLOW_TEMPLATES' keys.
const TEMPLATE_IDS = Object.keys(FLOW_TEMPLATES) as FlowTemplateId[];

interface TemplatePickerProps {
  id: string;
  disabled: boolean;
  onChoose(starter: FlowTemplateId): void;
}

/** What a new flow begins from: a blank canvas, or a starter flow with what it shows about memory. */
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
  starter: FlowTemplateId;
  disabled: boolean;
  onChoose(starter: FlowTemplateId): void;
}) {
  const descriptionId = useId();
  const { name, description } = FLOW_TEMPLATES[starter];
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
