// SPDX-License-Identifier: MIT
#include <quire/core/transaction.h>

#include "database_p.h"
#include <quire/core/database.h>

using namespace Qt::StringLiterals;

namespace quire::core {

Result<Transaction> Database::begin(TransactionKind kind)
{
    const int depth = d->transactionDepth;
    Result<> begun;
    if (depth == 0) {
        d->savepointRollbackFailed = false; // of a transaction that has ended
        if (auto ended = endUnfinishedTransaction(); !ended)
            return std::unexpected(std::move(ended.error()));
        const QStringList statements = d->dialect->begin(kind);
        begun = executeAll(u"cannot begin transaction"_s, statements);
        if (!begun && statements.size() > 1)
            (void)execute(u"cannot begin transaction"_s, u"ROLLBACK"_s); // what did begin ends
    } else {
        // There is no nested BEGIN; a savepoint gives the inner unit its own rollback.
        begun = execute(u"cannot begin transaction"_s, u"SAVEPOINT quire_"_s + QString::number(depth));
    }
    if (!begun)
        return std::unexpected(std::move(begun.error()));
    ++d->transactionDepth;
    return Transaction(*this, depth);
}

Result<> Database::endUnfinishedTransaction()
{
    // Only a ROLLBACK that failed leaves SQLite in a transaction with none of ours open. Nesting
    // into it would lose the new work (its outer transaction never commits); end it first.
    if (!d->sqliteHandle() || !d->inTransaction())
        return {};
    return execute(u"cannot begin transaction: an earlier one could not be rolled back"_s, u"ROLLBACK"_s);
}

Transaction::Transaction(Database &db, int depth)
    : m_db(&db)
    , m_depth(depth)
{
}

Transaction::Transaction(Transaction &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_depth(other.m_depth)
{
}

Transaction::~Transaction()
{
    if (m_db) {
        if (auto rolledBack = rollback(); !rolledBack)
            qCWarning(lcDatabase, "%s", qUtf8Printable(rolledBack.error().message));
    }
}

QString Transaction::savepointName() const
{
    return u"quire_"_s + QString::number(m_depth);
}

Result<> Transaction::commit()
{
    if (!m_db)
        return fail(ErrorCode::Internal, u"transaction already finished"_s);
    // A savepoint inside it could not be undone: committing would keep work that failed.
    if (m_depth == 0 && m_db->d->savepointRollbackFailed)
        return fail(ErrorCode::Storage,
            u"cannot commit transaction: part of its work could not be rolled back, so none of it is kept"_s);
    const Result<> committed = m_depth == 0
        ? m_db->execute(u"cannot commit transaction"_s, u"COMMIT"_s)
        : m_db->execute(u"cannot commit transaction"_s, u"RELEASE "_s + savepointName());
    if (!committed)
        return committed; // still open: the destructor or the caller rolls back
    --m_db->d->transactionDepth;
    m_db = nullptr;
    return {};
}

Result<> Transaction::rollback()
{
    if (!m_db)
        return fail(ErrorCode::Internal, u"transaction already finished"_s);
    // The depth counts our open Transactions, so it goes down even if the ROLLBACK below fails;
    // what SQLite is left with is seen to: a failed savepoint rollback stops the outer commit,
    // and a failed ROLLBACK is ended by the next begin() (endUnfinishedTransaction).
    Database &db = *std::exchange(m_db, nullptr);
    --db.d->transactionDepth;
    // A cancel's interrupt (or an I/O error) may have rolled everything back already: then
    // there is nothing left to undo, and ROLLBACK would only fail with "no transaction is active".
    if (!db.d->inTransaction())
        return {};
    if (m_depth == 0)
        return db.execute(u"cannot roll back transaction"_s, u"ROLLBACK"_s);
    Result<> undone = db.execute(u"cannot roll back transaction"_s, u"ROLLBACK TO "_s + savepointName());
    if (undone)
        undone = db.execute(u"cannot roll back transaction"_s, u"RELEASE "_s + savepointName());
    if (!undone)
        db.d->savepointRollbackFailed = true;
    return undone;
}

} // namespace quire::core
