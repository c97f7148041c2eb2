// A button-looking file input whose accessible name is its label. The input is cleared after each
// pick, so choosing the same file again (after fixing it) imports it again.
export function FilePicker({ label, accept, multiple = false, disabled = false, onFiles }: { label: string; accept: string; multiple?: boolean; disabled?: boolean; onFiles: (files: File[]) => void }) {
  return (
    <label className="file-button">
      {label}
      <input
        type="file"
        multiple={multiple}
        accept={accept}
        aria-label={label}
        disabled={disabled}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
    </label>
  );
}
