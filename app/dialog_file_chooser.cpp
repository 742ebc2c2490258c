// SPDX-License-Identifier: MIT
#include "dialog_file_chooser.h"

#include <QFileDialog>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace quire::app {
namespace {

QString documentsFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

/** @brief Opens `dialog` window-modally and hands its outcome to `chosen` once, then lets it go. */
void ask(QFileDialog *dialog, FileChosen chosen)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QFileDialog::finished, dialog, [dialog, chosen = std::move(chosen)](int result) {
        const QStringList files = dialog->selectedFiles();
        if (result == QDialog::Accepted && !files.isEmpty())
            chosen(files.first());
        else
            chosen(std::nullopt);
    });
    dialog->open();
}

} // namespace

DialogFileChooser::DialogFileChooser(std::function<QWidget *()> parent)
    : m_parent(std::move(parent))
{
}

void DialogFileChooser::askToSave(const QString &suggestedName, const QString &filter, FileChosen chosen)
{
    auto *dialog = new QFileDialog(m_parent(), u"Export tasks"_s, documentsFolder() + u'/' + suggestedName, filter);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    ask(dialog, std::move(chosen));
}

void DialogFileChooser::askToOpen(const QString &start, const QString &filter, FileChosen chosen)
{
    auto *dialog = new QFileDialog(m_parent(), u"Import tasks"_s, start.isEmpty() ? documentsFolder() : start, filter);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::ExistingFile);
    ask(dialog, std::move(chosen));
}

} // namespace quire::app
