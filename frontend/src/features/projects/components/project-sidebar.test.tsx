// SPDX-License-Identifier: MIT
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '@/app/app';
import { fakeBackend } from '@/testing/fake-backend';
import { makeProject } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';

const names = () => screen.queryAllByTestId('project-item').map((p) => p.textContent);

describe('the project sidebar', () => {
  it('creates a project and selects it', async () => {
    const backend = fakeBackend();
    const { user } = renderWithProviders(<App />);
    await screen.findByText('No projects yet.');

    await user.click(screen.getByTestId('new-project-button'));
    await user.type(screen.getByLabelText('Name'), ' Garden {Enter}');

    await waitFor(() => expect(names()).toEqual(['Garden']));
    expect(backend.bridge.callsTo('db_create_project')).toEqual([{ name: 'Garden' }]);
    expect(screen.getByTestId('project-item')).toHaveAttribute('aria-current', 'page');
  });

  it('requires a name, inline', async () => {
    const backend = fakeBackend();
    const { user } = renderWithProviders(<App />);

    await user.click(screen.getByTestId('new-project-button'));
    await user.click(screen.getByTestId('save-project'));

    expect(screen.getByRole('alert')).toHaveTextContent('Name is required');
    expect(backend.bridge.callsTo('db_create_project')).toEqual([]);
  });

  it('renames a project, sending only the new name', async () => {
    const backend = fakeBackend({ projects: [makeProject({ id: 'p1', name: 'Hom', description: 'House' })] });
    const { user } = renderWithProviders(<App />);
    await waitFor(() => expect(names()).toEqual(['Hom']));

    await user.click(screen.getByRole('button', { name: 'Rename project Hom' }));
    await user.clear(screen.getByLabelText('Name'));
    await user.type(screen.getByLabelText('Name'), 'Home');
    await user.click(screen.getByTestId('save-project'));

    await waitFor(() => expect(names()).toEqual(['Home']));
    expect(backend.bridge.callsTo('db_update_project')).toEqual([{ projectId: 'p1', name: 'Home' }]);
  });

  it('shows a duplicate-name error from the backend inside the dialog', async () => {
    const backend = fakeBackend();
    backend.failNext('db_create_project', 'conflict', 'a project named Work already exists');
    const { user } = renderWithProviders(<App />);

    await user.click(screen.getByTestId('new-project-button'));
    await user.type(screen.getByLabelText('Name'), 'Work');
    await user.click(screen.getByTestId('save-project'));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Creating project: a project named Work already exists',
    );
    expect(screen.getByTestId('project-dialog')).toBeInTheDocument();
  });

  it('deletes a project after confirmation and falls back to all tasks', async () => {
    const backend = fakeBackend({ projects: [makeProject({ id: 'p1', name: 'Old' })] });
    const { user } = renderWithProviders(<App />);
    await waitFor(() => expect(names()).toEqual(['Old']));
    await user.click(screen.getByTestId('project-item'));

    await user.click(screen.getByRole('button', { name: 'Delete project Old' }));
    await user.click(screen.getByTestId('confirm-delete'));

    await waitFor(() => expect(names()).toEqual([]));
    expect(backend.bridge.callsTo('db_delete_project')).toEqual([{ projectId: 'p1' }]);
    expect(screen.getByTestId('all-tasks')).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('All tasks');
  });

  it('takes one Tab stop per project, with Rename and Delete reached by the arrow keys', async () => {
    fakeBackend({ projects: [makeProject({ name: 'Garden' }), makeProject({ name: 'House' })] });
    const { user } = renderWithProviders(<App />);
    await waitFor(() => expect(names()).toEqual(['Garden', 'House']));
    const [garden, house] = screen.getAllByTestId('project-item');

    garden!.focus();
    await user.tab();
    expect(house).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByLabelText('Rename project House')).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByLabelText('Delete project House')).toHaveFocus();
    await user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowUp}');
    expect(garden).toHaveFocus();
  });
});
