/**
 * Cash receipts (현금영수증, spec §1.12, §4.8): the ledger of receipts issued for account
 * payments, at most one standing per payment, cancelled or re-issued for what a partial
 * refund leaves. Gyeol simulates the National Tax Service: receipts are numbered like
 * Payple's test receipts ({@code test} and 14 digits) and no tax authority is called.
 * Which payment a receipt is for, and under its row lock, is the payment capability's
 * part ({@code payment.PaymentReceipts}).
 */
package kr.gyeol.receipt;
