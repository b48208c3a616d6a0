// A React host: the wrappers set objects as properties and map wy-* events to onWy… props.
// The form shows its own error summary (errorDisplay="submit"); onWyInvalid hands the same
// errors to the host. `locale` is given to the form too: see the note in README.md.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { WyKitProvider, WySchemaForm } from 'wuye-kit/react';

function ComplaintPage() {
  const [schemas, setSchemas] = useState(null);
  const [errors, setErrors] = useState([]);
  const [submitted, setSubmitted] = useState(null);
  const [changes, setChanges] = useState(0);
  const [locale, setLocale] = useState('zh-CN');

  useEffect(() => {
    Promise.all([fetch('/schemas/complaint.schema.json'), fetch('/schemas/complaint.ui.json')])
      .then((rs) => Promise.all(rs.map((r) => r.json())))
      .then(([schema, uiSchema]) => setSchemas({ schema, uiSchema }));
  }, []);
  if (!schemas) return <p>…</p>;
  return (
    <WyKitProvider locale={locale}>
      <button type="button" id="lang" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
        {locale === 'en' ? '中文' : 'English'}
      </button>
      <WySchemaForm
        id="form"
        schema={schemas.schema}
        uiSchema={schemas.uiSchema}
        locale={locale}
        errorDisplay="submit"
        onWyChange={() => setChanges((n) => n + 1)}
        onWyInvalid={(e) => setErrors(e.detail.errors)}
        onWySubmit={(e) => {
          setErrors([]);
          setSubmitted(e.detail.value);
        }}
      />
      <output id="status" aria-live="polite">
        {submitted ? `submitted ${submitted.recordNo}` : `errors: ${errors.length}`} · changes: {changes}
      </output>
    </WyKitProvider>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <ComplaintPage />
  </StrictMode>,
);
