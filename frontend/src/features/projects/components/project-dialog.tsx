// SPDX-License-Identifier: MIT
import { useId, useState, type FormEvent } from 'react';
import { Modal, ModalClose } from '@/components/modal';
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
  const ids = { name: useId(), nameError: useId(), description: useId() };

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
        <div className="field">
          <label htmlFor={ids.name}>Name</label>
          <input
            id={ids.name}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setNameError(null);
            }}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? ids.nameError : undefined}
            aria-required="true"
            autoComplete="off"
            autoFocus
          />
          {nameError ? (
            <p id={ids.nameError} className="field-error" role="alert">
              {nameError}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={ids.description}>Description</label>
          <textarea id={ids.description} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        {mutation.isError ? (
          <p className="form-error" role="alert">
            {describeError(project ? 'Saving project' : 'Creating project', mutation.error)}
          </p>
        ) : null}
        <div className="modal-actions">
          <ModalClose className="button" type="button">
            Cancel
          </ModalClose>
          <button type="submit" className="button button-primary" data-testid="save-project" disabled={mutation.isPending}>
            {project ? 'Save' : 'Create project'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
