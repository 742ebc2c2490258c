// SPDX-License-Identifier: MIT
#pragma once

#include "file_chooser.h"

#include <functional>

class QWidget;

namespace quire::app {

/**
 * @brief The system's file dialogs (QFileDialog), window-modal over `parent()`'s window and open
 * without a nested event loop, so the page and the channel keep running while the person looks.
 */
class DialogFileChooser final : public FileChooser
{
public:
    explicit DialogFileChooser(std::function<QWidget *()> parent);

protected:
    void askToSave(const QString &suggestedName, const QString &filter, FileChosen chosen) override;
    void askToOpen(const QString &start, const QString &filter, FileChosen chosen) override;

private:
    std::function<QWidget *()> m_parent;
};

} // namespace quire::app
