#!/usr/bin/env python3
"""backtrader's run of the issue-18 reference backtest, for the rate ratio in bench/README.md.

Same rules as `keel backtest --strategy sma-crossover:fast=10,slow=30 --sizing percent:95 --fill next-open
--keep-open --cash 100000`: a market order decided on a bar's close fills at the next bar's open (backtrader's
default), buying floor(95% of equity / close) shares, selling all; the last position stays open.
Usage: PYTHONPATH=/path/to/backtrader sma_crossover.py FILE.csv   (Keel canonical CSV, e.g. a prefix of 1m.csv)
Prints bars, round trips and final value; time the whole process with /usr/bin/time -v."""
import sys
import backtrader as bt


class SmaCross(bt.Strategy):
    def __init__(self):
        self.cross = bt.ind.CrossOver(bt.ind.SMA(period=10), bt.ind.SMA(period=30))
        self.trades = 0

    def notify_trade(self, trade):
        if trade.isclosed:
            self.trades += 1

    def next(self):
        if not self.position and self.cross > 0:
            self.buy(size=int(0.95 * self.broker.getvalue() / self.data.close[0]))
        elif self.position and self.cross < 0:
            self.close()


cerebro = bt.Cerebro(stdstats=False)
cerebro.broker.setcash(100000.0)
cerebro.adddata(bt.feeds.GenericCSVData(
    dataname=sys.argv[1], dtformat="%Y-%m-%dT%H:%M:%SZ", timeframe=bt.TimeFrame.Minutes,
    datetime=0, open=1, high=2, low=3, close=4, volume=5, openinterest=-1))
cerebro.addstrategy(SmaCross)
strategy = cerebro.run()[0]
print(f"bars {len(strategy.data)} round trips {strategy.trades} final value {cerebro.broker.getvalue():.2f}")
