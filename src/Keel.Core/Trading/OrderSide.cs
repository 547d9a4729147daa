namespace Keel.Core.Trading;

public enum OrderSide : byte
{
    Buy,
    Sell,
}
