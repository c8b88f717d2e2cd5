/** The text of a file as the editor has it (open and unsaved) or as the disk has it. */
export type FileText = (filePath: string) => string | undefined;
