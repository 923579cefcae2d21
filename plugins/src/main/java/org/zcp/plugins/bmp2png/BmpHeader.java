package org.zcp.plugins.bmp2png;

import java.io.IOException;
import java.io.InputStream;

/**
 * The image size a BMP file declares, read from its first bytes before anything is decoded
 * (security review #22: a 1 KB RLE8 file may declare 20000 x 20000 pixels, and the decoder
 * allocates them all). The file header (14 bytes, "BM") is followed by an info header: the
 * OS/2 BITMAPCOREHEADER (12 bytes, 16-bit width and height) or a BITMAPINFOHEADER or later
 * (40 bytes and more, 32-bit width and height; a negative height means top-down rows).
 */
record BmpHeader(long width, long height, int bitsPerPixel) {
    private static final int FILE_HEADER = 14;
    private static final int CORE_HEADER = 12;
    private static final int INFO_HEADER = 40;

    long pixels() {
        return width * height;
    }

    /** The header of {@code in} (read up to 30 bytes), or null when it is no BMP file. */
    static BmpHeader read(InputStream in) throws IOException {
        byte[] b = in.readNBytes(FILE_HEADER + 16);
        if (b.length < FILE_HEADER + CORE_HEADER || b[0] != 'B' || b[1] != 'M') return null;
        long infoSize = u32(b, FILE_HEADER);
        if (infoSize == CORE_HEADER) {
            int width = u16(b, FILE_HEADER + 4);
            int height = u16(b, FILE_HEADER + 6);
            return width == 0 || height == 0 ? null : new BmpHeader(width, height, u16(b, FILE_HEADER + 10));
        }
        if (infoSize < INFO_HEADER || b.length < FILE_HEADER + 16) return null;
        long width = (int) u32(b, FILE_HEADER + 4);
        long height = Math.abs((long) (int) u32(b, FILE_HEADER + 8));
        if (width <= 0 || height == 0) return null;
        return new BmpHeader(width, height, u16(b, FILE_HEADER + 14));
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
