import CCairo
import Plot
