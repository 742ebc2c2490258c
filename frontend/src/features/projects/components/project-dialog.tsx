// SPDX-License-Identifier: MIT
import { useId, useState, type FormEvent } from 'react';
import { DialogActions } from '@/components/dialog-actions';
import { Modal } from '@/components/modal';
import { RequiredTextField } from '@/components/required-text-field';
import { useCreateProject, useUpdateProject } from '@/features/projects/api/projects-api';
import type { Project } from '@/ipc/contract';
import { describeError } from '@/lib/report-error';

interface ProjectDialogProps {
  /** The project to rename, or null to create one. */
  project: Project | null;
  onClose: () => void;
  onCreated?: (project: Project) => void;
}

export function ProjectDialog({ project, onClose, onCreated }: ProjectDialogProps) {
  const [name, setName] = useState(project?.name ?? '');
  const [description, setDescription] = useState(project?.description ?? '');
  const [nameError, setNameError] = useState<string | null>(null);
  const create = useCreateProject();
  const update = useUpdateProject();
  const mutation = project ? update : create;
  const descriptionId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError('Name is required');
      return;
    }
    const desc = description.trim() ? description : null;
    if (project) {
      const patch = {
        ...(trimmed !== project.name ? { name: trimmed } : {}),
        ...(desc !== (project.description ?? null) ? { description: desc } : {}),
      };
      if (Object.keys(patch).length === 0) return onClose();
      update.mutate({ projectId: project.id, patch }, { onSuccess: onClose });
    } else {
      create.mutate(
        { name: trimmed, ...(desc ? { description: desc } : {}) },
        {
          onSuccess: (created) => {
            onCreated?.(created);
            onClose();
          },
        },
      );
    }
  };

  return (
    <Modal
      open
      onOpenChange={(open) => !open && onClose()}
      title={project ? 'Rename project' : 'New project'}
      testId="project-dialog"
    >
      <form className="form" onSubmit={submit} noValidate>
        <RequiredTextField
          label="Name"
          value={name}
          onChange={(value) => {
            setName(value);
            setNameError(null);
          }}
          error={nameError}
        />
        <div className="field">
          <label htmlFor={descriptionId}>Description</label>
          <textarea id={descriptionId} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        <DialogActions
          error={mutation.isError ? describeError(project ? 'Saving project' : 'Creating project', mutation.error) : null}
          submitLabel={project ? 'Save' : 'Create project'}
          submitTestId="save-project"
          pending={mutation.isPending}
        />
      </form>
    </Modal>
  );
}
