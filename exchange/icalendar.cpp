// SPDX-License-Identifier: MIT
#include <quire/exchange/icalendar.h>

#include "field_text.h"
#include "project_links.h"

#include <quire/core/operation_phase.h>
#include <quire/core/recurrence.h>

#include <QHash>
#include <QMap>

#include <libical/ical.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace quire::exchange {
namespace {

// Quire's own properties: other apps keep X- properties they do not know, and show nothing of them.
constexpr const char *xStatus = "X-QUIRE-STATUS";
constexpr const char *xSortKey = "X-QUIRE-SORT-KEY";
constexpr const char *xComplexity = "X-QUIRE-COMPLEXITY";
constexpr const char *xType = "X-QUIRE-TYPE";
constexpr const char *xProject = "X-QUIRE-PROJECT";
constexpr const char *xProjectId = "X-QUIRE-PROJECT-ID";
constexpr const char *xChecklistItem = "X-QUIRE-CHECKLIST-ITEM";
constexpr const char *xDone = "X-DONE";

struct ComponentFree {
    void operator()(icalcomponent *component) const { icalcomponent_free(component); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

/** libical's strings are caller-owned buffers (the *_r functions): read once, then freed. */
QString takeString(char *text)
{
    QString result = QString::fromUtf8(text);
    icalmemory_free_buffer(text);
    return result;
}

QString fromIcal(const char *text)
{
    return QString::fromUtf8(text);
}

// ---- Mappings (exchange/README.md) -------------------------------------------

icalproperty_status icalStatus(core::Status status)
{
    switch (status) {
    case core::Status::Backlog:
    case core::Status::Blocked: return ICAL_STATUS_NEEDSACTION;
    case core::Status::InProgress: return ICAL_STATUS_INPROCESS;
    case core::Status::Completed: return ICAL_STATUS_COMPLETED;
    }
    return ICAL_STATUS_NEEDSACTION;
}

/** Quire's status for a STATUS; CANCELLED (which Quire has not) is completed. */
core::Status statusFromIcal(icalproperty_status status)
{
    switch (status) {
    case ICAL_STATUS_INPROCESS: return core::Status::InProgress;
    case ICAL_STATUS_COMPLETED:
    case ICAL_STATUS_CANCELLED: return core::Status::Completed;
    default: return core::Status::Backlog;
    }
}

/** RFC 5545: 1 is the highest, 9 the lowest, 0 undefined; 5 is what most apps call normal. */
int icalPriority(core::Priority priority)
{
    switch (priority) {
    case core::Priority::Pinned: return 1;
    case core::Priority::High: return 3;
    case core::Priority::Standard: return 5;
    case core::Priority::LongTerm: return 7;
    case core::Priority::Nit: return 9;
    }
    return 0;
}

core::Priority priorityFromIcal(int priority)
{
    if (priority == 1)
        return core::Priority::Pinned;
    if (priority >= 2 && priority <= 4)
        return core::Priority::High;
    if (priority >= 6 && priority <= 7)
        return core::Priority::LongTerm;
    if (priority >= 8 && priority <= 9)
        return core::Priority::Nit;
    return core::Priority::Standard;
}

// ---- Times -------------------------------------------------------------------

icaltimetype utcTime(const QDateTime &timestamp)
{
    return icaltime_from_timet_with_zone(
        static_cast<time_t>(timestamp.toSecsSinceEpoch()), 0, icaltimezone_get_utc_timezone());
}

/** A DATE, or a floating DATE-TIME: Quire's due dates are wall time in no zone. */
icaltimetype dueTime(const core::LocalDate &due)
{
    icaltimetype time = icaltime_null_time();
    time.year = due.date.year();
    time.month = due.date.month();
    time.day = due.date.day();
    time.is_date = due.time ? 0 : 1;
    if (due.time) {
        time.hour = due.time->hour();
        time.minute = due.time->minute();
    }
    return time;
}

/** The instant of a DATE-TIME in UTC or a zone; a floating one is read as UTC (for CREATED and the like). */
QDateTime instant(const icaltimetype &time)
{
    const icaltimezone *zone = time.zone != nullptr ? time.zone : icaltimezone_get_utc_timezone();
    const auto seconds = icaltime_as_timet_with_zone(time, zone);
    return QDateTime::fromSecsSinceEpoch(static_cast<qint64>(seconds), Qt::UTC);
}

core::LocalDate localDue(const icaltimetype &time, const QTimeZone &localZone)
{
    const QDate date(time.year, time.month, time.day);
    if (time.is_date != 0)
        return {date, std::nullopt};
    if (time.zone == nullptr)
        return {date, QTime(time.hour, time.minute)};
    const QDateTime local = instant(time).toTimeZone(localZone);
    return {local.date(), QTime(local.time().hour(), local.time().minute())};
}

// ---- Writing -----------------------------------------------------------------

void addText(icalcomponent *todo, icalproperty *(*make)(const char *), const QString &text)
{
    icalcomponent_add_property(todo, make(text.toUtf8().constData()));
}

/** An X- property, with one X- parameter when `parameter` is given. */
void addX(icalcomponent *todo, const char *name, const QString &value, const char *parameter = nullptr,
    const QString &parameterValue = {})
{
    icalproperty *property = icalproperty_new_x(value.toUtf8().constData());
    icalproperty_set_x_name(property, name);
    if (parameter != nullptr) {
        icalparameter *x = icalparameter_new_x(parameterValue.toUtf8().constData());
        icalparameter_set_xname(x, parameter);
        icalproperty_add_parameter(property, x);
    }
    icalcomponent_add_property(todo, property);
}

void addTimes(icalcomponent *todo, const core::Task &task)
{
    const QDateTime stamp = task.updatedAt.isValid() ? task.updatedAt : QDateTime::currentDateTimeUtc();
    icalcomponent_add_property(todo, icalproperty_new_dtstamp(utcTime(stamp)));
    if (task.createdAt.isValid())
        icalcomponent_add_property(todo, icalproperty_new_created(utcTime(task.createdAt)));
    if (task.updatedAt.isValid())
        icalcomponent_add_property(todo, icalproperty_new_lastmodified(utcTime(task.updatedAt)));
    if (task.completedAt && task.completedAt->isValid())
        icalcomponent_add_property(todo, icalproperty_new_completed(utcTime(*task.completedAt)));
}

core::Result<void> addRecurrence(icalcomponent *todo, const core::Task &task)
{
    if (!task.recurrence)
        return {};
    const icalrecurrencetype rule = icalrecurrencetype_from_string(task.recurrence->toUtf8().constData());
    if (rule.freq == ICAL_NO_RECURRENCE)
        return core::fail(core::ErrorCode::InvalidArgument,
            u"task %1: recurrence: libical cannot read %2"_s.arg(task.id, quoted(*task.recurrence)));
    icalcomponent_add_property(todo, icalproperty_new_rrule(rule));
    return {};
}

void addQuireFields(icalcomponent *todo, const core::Task &task, const QHash<QString, QString> &projectNames)
{
    if (icalStatus(task.status) == ICAL_STATUS_NEEDSACTION && task.status != core::Status::Backlog)
        addX(todo, xStatus, core::enumName(task.status));
    if (task.complexity)
        addX(todo, xComplexity, core::enumName(*task.complexity));
    if (task.type)
        addX(todo, xType, core::enumName(*task.type));
    if (!task.sortKey.isEmpty())
        addX(todo, xSortKey, task.sortKey);
    for (const QString &id : task.projectIds)
        addX(todo, xProject, projectNames.value(id, id), xProjectId, id);
    for (const core::ChecklistItem &item : task.checklist)
        addX(todo, xChecklistItem, item.title, xDone, item.done ? u"TRUE"_s : u"FALSE"_s);
}

core::Result<void> addTodo(icalcomponent *calendar, const core::Task &task, const QHash<QString, QString> &projectNames)
{
    Component todo(icalcomponent_new(ICAL_VTODO_COMPONENT));
    addText(todo.get(), &icalproperty_new_uid, task.id);
    addTimes(todo.get(), task);
    addText(todo.get(), &icalproperty_new_summary, task.title);
    if (task.description)
        addText(todo.get(), &icalproperty_new_description, *task.description);
    icalcomponent_add_property(todo.get(), icalproperty_new_status(icalStatus(task.status)));
    if (task.status == core::Status::Completed)
        icalcomponent_add_property(todo.get(), icalproperty_new_percentcomplete(100));
    icalcomponent_add_property(todo.get(), icalproperty_new_priority(icalPriority(task.priority)));
    for (const QString &tag : task.tags)
        addText(todo.get(), &icalproperty_new_categories, tag);
    if (task.dueDate)
        icalcomponent_add_property(todo.get(), icalproperty_new_due(dueTime(*task.dueDate)));
    if (auto added = addRecurrence(todo.get(), task); !added)
        return added;
    addQuireFields(todo.get(), task, projectNames);
    icalcomponent_add_component(calendar, todo.release());
    return {};
}

// ---- Reading -----------------------------------------------------------------

/** People's words for the components a task list skips. */
QString skippedNote(const QString &kind, qsizetype count)
{
    const QString what = kind == u"VEVENT"_s ? (count == 1 ? u"event"_s : u"events"_s)
        : kind == u"VJOURNAL"_s              ? (count == 1 ? u"journal entry"_s : u"journal entries"_s)
                                             : (count == 1 ? u"component"_s : u"components"_s);
    return u"%1 %2 skipped (%3)"_s.arg(count).arg(what, kind);
}

/** The VTODOs of one VCALENDAR (or of every VCALENDAR of a file holding several) into a snapshot. */
class CalendarReader
{
public:
    CalendarReader(core::OperationPhase &phase, const QTimeZone &localZone)
        : m_reading(phase)
        , m_localZone(localZone)
        , m_links(m_parsed.snapshot.projects)
    {
    }

    core::Result<void> readCalendar(icalcomponent *calendar)
    {
        for (icalcomponent *child = icalcomponent_get_first_component(calendar, ICAL_ANY_COMPONENT); child != nullptr;
             child = icalcomponent_get_next_component(calendar, ICAL_ANY_COMPONENT)) {
            const icalcomponent_kind kind = icalcomponent_isa(child);
            if (kind == ICAL_VTIMEZONE_COMPONENT)
                continue; // what DUE;TZID=... refers to, not data of its own
            if (kind != ICAL_VTODO_COMPONENT) {
                ++m_skipped[fromIcal(icalcomponent_kind_to_string(kind))];
                continue;
            }
            if (auto step = m_reading.advance(); !step)
                return std::unexpected(std::move(step.error()));
            if (auto read = readTodo(child); !read)
                return read;
        }
        return {};
    }

    ParsedFile finish()
    {
        for (auto it = m_skipped.cbegin(); it != m_skipped.cend(); ++it)
            m_parsed.notes.append(skippedNote(it.key(), it.value()));
        if (m_cancelled > 0)
            m_parsed.notes.append(
                u"%1 cancelled to-dos imported as completed (Quire has no cancelled status)"_s.arg(m_cancelled));
        return std::move(m_parsed);
    }

private:
    core::Error errorIn(const QString &record, const QString &reason) const
    {
        return {core::ErrorCode::InvalidArgument, record + u": "_s + reason};
    }

    core::Result<void> readTodo(icalcomponent *todo)
    {
        ++m_number;
        core::Task task;
        task.id = fromIcal(icalcomponent_get_uid(todo));
        task.title = fromIcal(icalcomponent_get_summary(todo));
        const QString record = task.title.trimmed().isEmpty() ? u"to-do %1"_s.arg(m_number)
                                                              : u"to-do %1 “%2”"_s.arg(m_number).arg(task.title);
        if (task.title.trimmed().isEmpty())
            return std::unexpected(errorIn(record, u"SUMMARY is missing; Quire needs a title"_s));
        if (const char *description = icalcomponent_get_description(todo); description != nullptr && *description != 0)
            task.description = fromIcal(description);
        readStatus(todo, task);
        readStandardProperties(todo, task, record);
        if (auto read = readQuireProperties(todo, task, record); !read)
            return read;
        m_parsed.snapshot.tasks.append(std::move(task));
        return {};
    }

    void readStatus(icalcomponent *todo, core::Task &task)
    {
        const icalproperty_status status = icalcomponent_get_status(todo);
        task.status = statusFromIcal(status);
        if (status == ICAL_STATUS_CANCELLED)
            ++m_cancelled;
    }

    void readStandardProperties(icalcomponent *todo, core::Task &task, const QString &record)
    {
        for (icalproperty *p = icalcomponent_get_first_property(todo, ICAL_ANY_PROPERTY); p != nullptr;
             p = icalcomponent_get_next_property(todo, ICAL_ANY_PROPERTY)) {
            switch (icalproperty_isa(p)) {
            case ICAL_PRIORITY_PROPERTY: task.priority = priorityFromIcal(icalproperty_get_priority(p)); break;
            case ICAL_CATEGORIES_PROPERTY: addTag(task, fromIcal(icalproperty_get_categories(p))); break;
            case ICAL_DUE_PROPERTY:
                task.dueDate = localDue(icalproperty_get_datetime_with_component(p, todo), m_localZone);
                break;
            case ICAL_RRULE_PROPERTY: readRecurrence(p, task, record); break;
            case ICAL_COMPLETED_PROPERTY:
                task.completedAt = instant(icalproperty_get_datetime_with_component(p, todo));
                break;
            case ICAL_CREATED_PROPERTY:
                task.createdAt = instant(icalproperty_get_datetime_with_component(p, todo));
                break;
            case ICAL_LASTMODIFIED_PROPERTY:
                task.updatedAt = instant(icalproperty_get_datetime_with_component(p, todo));
                break;
            case ICAL_XLICERROR_PROPERTY:
                m_parsed.notes.append(
                    record + u": left out what libical could not read: "_s + fromIcal(icalproperty_get_xlicerror(p)));
                break;
            default: break;
            }
        }
    }

    static void addTag(core::Task &task, const QString &tag)
    {
        if (!tag.trimmed().isEmpty() && !task.tags.contains(tag.trimmed()))
            task.tags.append(tag.trimmed());
    }

    void readRecurrence(icalproperty *property, core::Task &task, const QString &record)
    {
        icalrecurrencetype rule = icalproperty_get_rrule(property);
        const QString text = takeString(icalrecurrencetype_as_string_r(&rule));
        auto parsed = core::parseRecurrence(text);
        if (!parsed) {
            m_parsed.notes.append(
                record + u": repeat rule left out, Quire cannot follow it ("_s + parsed.error().message + u")"_s);
            return;
        }
        task.recurrence = core::formatRecurrence(*parsed);
    }

    static QString xParameter(icalproperty *property, const char *name)
    {
        for (icalparameter *p = icalproperty_get_first_parameter(property, ICAL_X_PARAMETER); p != nullptr;
             p = icalproperty_get_next_parameter(property, ICAL_X_PARAMETER)) {
            if (qstricmp(icalparameter_get_xname(p), name) == 0)
                return fromIcal(icalparameter_get_xvalue(p));
        }
        return {};
    }

    /** Quire's X- properties; those of other apps are theirs, and ignored. */
    core::Result<void> readQuireProperties(icalcomponent *todo, core::Task &task, const QString &record)
    {
        std::optional<core::Status> quireStatus;
        for (icalproperty *p = icalcomponent_get_first_property(todo, ICAL_X_PROPERTY); p != nullptr;
             p = icalcomponent_get_next_property(todo, ICAL_X_PROPERTY)) {
            const char *name = icalproperty_get_x_name(p);
            const QString value = fromIcal(icalproperty_get_x(p));
            const auto is = [&](const char *wanted) { return qstricmp(name, wanted) == 0; };
            Parsed<void> read;
            if (is(xSortKey))
                task.sortKey = value;
            else if (is(xComplexity))
                read = assign(task.complexity, enumFromText<core::Complexity>(value));
            else if (is(xType))
                read = assign(task.type, enumFromText<core::TaskType>(value));
            else if (is(xStatus))
                read = assign(quireStatus, enumFromText<core::Status>(value));
            else if (is(xProject))
                task.projectIds.append(projectId(p, value));
            else if (is(xChecklistItem))
                task.checklist.append({value, xParameter(p, xDone).compare(u"TRUE"_s, Qt::CaseInsensitive) == 0});
            if (!read)
                return std::unexpected(errorIn(record, fromIcal(name) + u": "_s + read.error()));
        }
        // Quire's finer status holds only while the file's STATUS still says what Quire wrote with
        // it: an app that completed a blocked task changed STATUS and kept the X- property.
        if (quireStatus && icalStatus(*quireStatus) == icalcomponent_get_status(todo))
            task.status = *quireStatus;
        return {};
    }

    template<class T>
    static Parsed<void> assign(std::optional<T> &target, Parsed<T> value)
    {
        if (!value)
            return std::unexpected(std::move(value.error()));
        target = *value;
        return {};
    }

    QString projectId(icalproperty *property, const QString &name)
    {
        const QString id = xParameter(property, xProjectId);
        return id.isEmpty() ? m_links.named(name) : m_links.withId(id, name);
    }

    core::OperationPhase &m_reading;
    QTimeZone m_localZone;
    ParsedFile m_parsed;
    ProjectLinks m_links;
    QMap<QString, qsizetype> m_skipped;
    qsizetype m_number = 0;
    qsizetype m_cancelled = 0;
};

/** VCALENDARs in a file: libical gives one, or an XROOT holding several. */
QList<icalcomponent *> calendarsIn(icalcomponent *root)
{
    if (icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT)
        return {root};
    QList<icalcomponent *> calendars;
    for (icalcomponent *c = icalcomponent_get_first_component(root, ICAL_VCALENDAR_COMPONENT); c != nullptr;
         c = icalcomponent_get_next_component(root, ICAL_VCALENDAR_COMPONENT))
        calendars.append(c);
    return calendars;
}

qsizetype countTodos(const QList<icalcomponent *> &calendars)
{
    qsizetype count = 0;
    for (icalcomponent *calendar : calendars)
        count += icalcomponent_count_components(calendar, ICAL_VTODO_COMPONENT);
    return count;
}

} // namespace

core::Result<QByteArray> writeICalendar(const core::Snapshot &snapshot, core::Operation &operation)
{
    QHash<QString, QString> projectNames;
    for (const core::Project &project : snapshot.projects)
        projectNames.insert(project.id, project.name);
    Component calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//Quire//Quire tasks//EN"));
    core::OperationPhase phase(operation, u"writing", snapshot.tasks.size());
    for (const core::Task &task : snapshot.tasks) {
        if (auto step = phase.advance(); !step)
            return std::unexpected(std::move(step.error()));
        if (auto added = addTodo(calendar.get(), task, projectNames); !added)
            return std::unexpected(std::move(added.error()));
    }
    QByteArray text = takeString(icalcomponent_as_ical_string_r(calendar.get())).toUtf8();
    return text;
}

core::Result<ParsedFile> readICalendar(QByteArrayView bytes, core::Operation &operation, const QTimeZone &localZone)
{
    icalerror_set_errors_are_fatal(0);
    const QByteArray text = bytes.startsWith("\xEF\xBB\xBF") ? bytes.sliced(3).toByteArray() : bytes.toByteArray();
    Component root(icalparser_parse_string(text.constData()));
    const QList<icalcomponent *> calendars = root ? calendarsIn(root.get()) : QList<icalcomponent *>();
    if (calendars.isEmpty())
        return core::fail(
            core::ErrorCode::InvalidArgument, u"not an iCalendar file: no BEGIN:VCALENDAR ... END:VCALENDAR"_s);
    core::OperationPhase phase(operation, u"reading", countTodos(calendars));
    CalendarReader reader(phase, localZone);
    for (icalcomponent *calendar : calendars) {
        if (auto read = reader.readCalendar(calendar); !read)
            return std::unexpected(std::move(read.error()));
    }
    return reader.finish();
}

} // namespace quire::exchange
