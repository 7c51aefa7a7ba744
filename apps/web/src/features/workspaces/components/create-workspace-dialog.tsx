import type { WorkspaceDto } from '@podium/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';
import { Dialog } from '@/shared/ui/dialog';
import { PlusIcon } from '@/shared/ui/icons';
import { CreateWorkspaceForm } from './create-workspace-form';

export function CreateWorkspaceDialog({ onCreated }: { onCreated: (workspace: WorkspaceDto) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        icon={<PlusIcon />}
        onClick={() => setOpen(true)}
        data-testid="new-workspace"
        aria-haspopup="dialog"
      >
        <span className="collapsible-label">{t('header.newWorkspace')}</span>
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('workspaces.createTitle')}
        description={t('workspaces.createDescription')}
        closeLabel={t('common.close')}
        data-testid="new-workspace-dialog"
      >
        <CreateWorkspaceForm
          onCreated={(workspace) => {
            setOpen(false);
            onCreated(workspace);
          }}
          secondaryAction={
            <Button variant="ghost" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          }
        />
      </Dialog>
    </>
  );
}
