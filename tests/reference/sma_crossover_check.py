#!/usr/bin/env python3
"""Independent check of `keel backtest --strategy sma-crossover:fast=10,slow=30 --sizing percent:95
--fill next-open --keep-open --cash 100000` with no costs, written from the rules, not from Keel's code.

Rules: a crossover is a change of sign of (fast SMA - slow SMA), skipping bars where they are exactly
equal, first checked once both averages have a previous value. A buy decided on bar i's close fills at
bar i+1's open with floor(0.95 * equity_at_close_i / close_i) shares; a sell fills all shares at the next
open. The last position stays open and is marked at the last close.
Usage: sma_crossover_check.py FILE.csv   (Yahoo layout: Date,Open,High,Low,Close,Adj Close,Volume)"""
import csv, sys
from decimal import Decimal

rows = list(csv.DictReader(open(sys.argv[1])))
opens = [Decimal(r["Open"]) for r in rows]
closes = [float(r["Close"]) for r in rows]
dates = [r["Date"] for r in rows]
fast, slow = 10, 30
cash, qty = Decimal(100000), 0
pending = None  # ('buy'|'sell', decided at bar)
last_sign = 0
trades, entry = [], None
for i in range(len(rows)):
    if pending:  # fill at this bar's open
        side, decided = pending
        if side == "buy":
            equity = cash  # flat when buying
            shares = int((Decimal("0.95") * equity / Decimal(repr(closes[decided]))))
            if shares * opens[i] <= cash:
                cash -= shares * opens[i]; qty = shares; entry = (dates[i], opens[i], shares)
        else:
            cash += qty * opens[i]
            trades.append((entry[0], entry[1], dates[i], opens[i], qty, (opens[i] - entry[1]) * qty))
            qty = 0
        pending = None
    if i >= slow - 1:
        f = sum(closes[i - fast + 1:i + 1]) / fast
        s = sum(closes[i - slow + 1:i + 1]) / slow
        d = f - s
        sign = (d > 0) - (d < 0)
        if sign != 0:
            if last_sign != 0 and sign != last_sign:
                if sign > 0 and qty == 0: pending = ("buy", i)
                elif sign < 0 and qty > 0: pending = ("sell", i)
            last_sign = sign
final = cash + qty * Decimal(rows[-1]["Close"])
print(f"closed trades: {len(trades)}, open quantity: {qty}, final equity: {final}")
for t in trades[:3]:
    print(f"entry {t[0]} @ {t[1]} x {t[4]} -> exit {t[2]} @ {t[3]}: P&L {t[5]}")
