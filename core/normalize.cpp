// SPDX-License-Identifier: MIT
#include "normalize.h"

#include <quire/core/recurrence.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace quire::core {

Result<QString> requiredText(const QString &text, QStringView what)
{
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"%1 must not be empty"_s.arg(what));
    return trimmed;
}

Result<std::optional<QString>> requiredTextIfGiven(const std::optional<QString> &text, QStringView what)
{
    if (!text)
        return std::optional<QString>();
    return requiredText(*text, what);
}

std::optional<QString> normalizedDescription(const std::optional<QString> &description)
{
    if (!description || description->trimmed().isEmpty())
        return std::nullopt;
    return description;
}

Result<std::optional<QString>> normalizedRecurrence(const std::optional<QString> &recurrence)
{
    if (!recurrence || recurrence->trimmed().isEmpty())
        return std::optional<QString>();
    auto rule = parseRecurrence(recurrence->trimmed());
    if (!rule)
        return std::unexpected(std::move(rule.error()));
    return std::optional<QString>(formatRecurrence(*rule));
}

QStringList normalizedTags(const QStringList &tags)
{
    QStringList trimmed;
    trimmed.reserve(tags.size());
    for (const QString &tag : tags) {
        QString t = tag.trimmed();
        if (!t.isEmpty())
            trimmed.append(std::move(t));
    }
    return withoutDuplicates(trimmed);
}

QString projectNameKey(const QString &name)
{
    return name.toCaseFolded();
}

QStringList withoutDuplicates(const QStringList &values)
{
    QStringList unique;
    unique.reserve(values.size());
    QSet<QString> seen;
    for (const QString &value : values) {
        if (!seen.contains(value)) {
            seen.insert(value);
            unique.append(value);
        }
    }
    return unique;
}

QString toJsonArray(const QStringList &values)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

QList<ChecklistItem> normalizedChecklist(QList<ChecklistItem> items)
{
    for (ChecklistItem &item : items)
        item.title = item.title.trimmed();
    items.removeIf([](const ChecklistItem &item) { return item.title.isEmpty(); });
    return items;
}

QList<ChecklistItem> untickedChecklist(QList<ChecklistItem> items)
{
    for (ChecklistItem &item : items)
        item.done = false;
    return items;
}

} // namespace quire::core
