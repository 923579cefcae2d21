#!/bin/sh
# build-image.sh [OUT-DIR]: the bootable ZCP appliance image (issue 14): a Debian 12 system made
# by mmdebstrap, the appliance playbook (ansible/site.yml) applied over the chroot connection, a
# first-boot step that runs the same playbook on the machine (its memory's row of the hardware
# table, its own database password and certificate), and a disk with one ext4 partition booted by
# GRUB from the MBR: OUT-DIR/zcp-appliance.raw and .qcow2 (default appliance/target/image).
# Root is needed (mmdebstrap, chroot); no loop device or mount is (mkfs.ext4 -d fills the file
# system from the directory). Variables: ZCP_IMAGE_DOMAINS (mail domains, "example.com"),
# ZCP_IMAGE_HOSTNAME ("zarafa"), ZCP_IMAGE_SIZE_MB (4096), ZCP_IMAGE_SSH_KEY (an authorized_keys
# line for root; without it, log on at the console: root's password is locked, set one with
# ZCP_IMAGE_ROOT_PASSWORD). appliance/image/boot-test.sh boots the result in qemu.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-$ROOT/appliance/target/image}
DOMAINS=${ZCP_IMAGE_DOMAINS:-example.com}
NAME=${ZCP_IMAGE_HOSTNAME:-zarafa}
SIZE_MB=${ZCP_IMAGE_SIZE_MB:-4096}
[ "$(id -u)" = 0 ] || { echo "build-image.sh: needs root (mmdebstrap, chroot)" >&2; exit 1; }
for tool in mmdebstrap ansible-playbook mkfs.ext4 sfdisk qemu-img; do
    command -v $tool > /dev/null || { echo "build-image.sh: $tool is missing: apt-get install mmdebstrap ansible e2fsprogs fdisk qemu-utils" >&2; exit 1; }
done
FS=$OUT/root
# what an interrupted mmdebstrap left mounted goes first: rm must never walk into /proc or /dev
findmnt -rn -o TARGET | grep "^$FS/" | sort -r | while read -r m; do umount -l "$m"; done
if findmnt -rn -o TARGET | grep -q "^$FS/"; then echo "build-image.sh: $FS still has mounts" >&2; exit 1; fi
rm -rf "$OUT"
mkdir -p "$OUT"
step() { echo "build-image.sh: $*"; }

step "the platform's tar (./zcp dist)"
"$ROOT/zcp" dist "$OUT/zcp.tar" > "$OUT/dist.log" 2>&1 || { cat "$OUT/dist.log" >&2; exit 1; }

step "a bootable Debian 12 (mmdebstrap)"
# the machine's mirror is a dated snapshot: its Release files are past their Valid-Until
mmdebstrap --quiet --variant=important --aptopt='Acquire::Check-Valid-Until "false"' \
    --include=linux-image-amd64,systemd-sysv,udev,grub-pc-bin,openssh-server,python3,ansible-core,ca-certificates,iproute2 \
    bookworm "$FS" > "$OUT/mmdebstrap.log" 2>&1 || { cat "$OUT/mmdebstrap.log" >&2; exit 1; }
cp /etc/resolv.conf "$FS/etc/resolv.conf"
printf '#!/bin/sh\nexit 101\n' > "$FS/usr/sbin/policy-rc.d"
chmod 755 "$FS/usr/sbin/policy-rc.d"

step "the appliance playbook over the chroot connection"
mkdir -p "$FS/opt/zarafa-appliance"
cp -r "$ROOT/ansible" "$FS/opt/zarafa-appliance/ansible"
cp "$OUT/zcp.tar" "$FS/opt/zarafa-appliance/zcp.tar"
printf 'zcp_mail_domains: [%s]\n' "$(printf '%s' "$DOMAINS" | sed 's/[^ ][^ ]*/"&"/g; s/ /, /g')" > "$FS/opt/zarafa-appliance/image-vars.yml"
printf '[appliance]\nlocalhost ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n' \
    > "$FS/opt/zarafa-appliance/inventory.ini"
printf '[appliance]\n%s ansible_connection=community.general.chroot\n' "$FS" > "$OUT/inventory.ini"
# the image's build-time values; the first boot replaces the sizing, the password and the name
(cd "$ROOT/ansible" && ansible-playbook -i "$OUT/inventory.ini" site.yml -e zcp_dist_tar="$OUT/zcp.tar" \
    -e "@$FS/opt/zarafa-appliance/image-vars.yml" -e zcp_memory_mb=2048 -e zcp_hostname="$NAME" \
    -e zcp_mysql_password=replaced-at-first-boot > "$OUT/play.log" 2>&1) || { tail -40 "$OUT/play.log" >&2; exit 1; }
grep -E "^$FS +: " "$OUT/play.log" | sed 's/^/build-image.sh:   /'

step "the first boot, the network, the console, ssh"
install -m 0755 "$ROOT/appliance/image/zarafa-firstboot" "$FS/usr/local/sbin/zarafa-firstboot"
install -m 0644 "$ROOT/appliance/image/zarafa-firstboot.service" "$FS/etc/systemd/system/zarafa-firstboot.service"
ln -sf /etc/systemd/system/zarafa-firstboot.service "$FS/etc/systemd/system/multi-user.target.wants/zarafa-firstboot.service"
printf '%s\n' "$NAME" > "$FS/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n' "$NAME" > "$FS/etc/hosts"
# every wired interface by DHCP (systemd-networkd)
mkdir -p "$FS/etc/systemd/network"
printf '[Match]\nName=en* eth*\n\n[Network]\nDHCP=yes\n' > "$FS/etc/systemd/network/80-dhcp.network"
ln -sf /lib/systemd/system/systemd-networkd.service "$FS/etc/systemd/system/multi-user.target.wants/systemd-networkd.service"
mkdir -p "$FS/etc/systemd/system/network-online.target.wants"
ln -sf /lib/systemd/system/systemd-networkd-wait-online.service \
    "$FS/etc/systemd/system/network-online.target.wants/systemd-networkd-wait-online.service"
UUID=$(cat /proc/sys/kernel/random/uuid)
printf 'UUID=%s / ext4 errors=remount-ro 0 1\n' "$UUID" > "$FS/etc/fstab"
if [ -n "${ZCP_IMAGE_SSH_KEY:-}" ]; then
    install -d -m 0700 "$FS/root/.ssh"
    printf '%s\n' "$ZCP_IMAGE_SSH_KEY" > "$FS/root/.ssh/authorized_keys"
    chmod 0600 "$FS/root/.ssh/authorized_keys"
fi
if [ -n "${ZCP_IMAGE_ROOT_PASSWORD:-}" ]; then
    printf 'root:%s\n' "$ZCP_IMAGE_ROOT_PASSWORD" | chroot "$FS" chpasswd
fi
# every machine its own ssh host keys and machine id (made at the first boot)
rm -f "$FS"/etc/ssh/ssh_host_*
mkdir -p "$FS/etc/systemd/system/ssh.service.d"
# (before Debian's own "sshd -t", which fails without keys)
printf '[Service]\nExecStartPre=\nExecStartPre=/usr/bin/ssh-keygen -A\nExecStartPre=/usr/sbin/sshd -t\n' \
    > "$FS/etc/systemd/system/ssh.service.d/host-keys.conf"
: > "$FS/etc/machine-id"
rm -f "$FS/usr/sbin/policy-rc.d" "$FS/etc/resolv.conf"

step "GRUB: core image for the MBR, configuration in the file system"
mkdir -p "$FS/boot/grub"
cat > "$OUT/early.cfg" <<CFG
serial --unit=0 --speed=115200
terminal_input serial console
terminal_output serial console
search --no-floppy --fs-uuid --set=root $UUID
set timeout=2
echo "ZCP appliance"
linux /vmlinuz root=UUID=$UUID ro console=tty0 console=ttyS0,115200n8
initrd /initrd.img
boot
CFG
# the kernel and its initramfs under fixed names (the links a kernel update moves on)
KERNEL=$(cd "$FS/boot" && ls vmlinuz-* | sort -V | tail -1)
[ -e "$FS/vmlinuz" ] || ln -s "boot/$KERNEL" "$FS/vmlinuz"
[ -e "$FS/initrd.img" ] || ln -s "boot/initrd.img-${KERNEL#vmlinuz-}" "$FS/initrd.img"
cp "$OUT/early.cfg" "$FS/tmp/early.cfg"
chroot "$FS" grub-mkimage -O i386-pc -o /tmp/core.img -p /boot/grub -c /tmp/early.cfg \
    biosdisk part_msdos ext2 search search_fs_uuid linux echo serial terminal
mv "$FS/tmp/core.img" "$OUT/core.img"
rm -f "$FS/tmp/early.cfg"
cp "$FS/usr/lib/grub/i386-pc/boot.img" "$OUT/boot.img"
[ "$(stat -c %s "$OUT/core.img")" -lt 1000000 ] || { echo "build-image.sh: core.img does not fit before the partition" >&2; exit 1; }

step "the disk: one ext4 partition of $SIZE_MB MB from the directory (mkfs.ext4 -d), MBR and GRUB"
PART=$OUT/root.ext4
mkfs.ext4 -q -F -L zcp-root -U "$UUID" -d "$FS" "$PART" "$((SIZE_MB - 1))M"
RAW=$OUT/zcp-appliance.raw
truncate -s "${SIZE_MB}M" "$RAW"
printf 'label: dos\nstart=2048, type=83, bootable\n' | sfdisk -q "$RAW"
dd if="$PART" of="$RAW" bs=1M seek=1 conv=notrunc,sparse status=none
# the first 440 bytes of boot.img (the partition table stays), core.img from sector 1 on
dd if="$OUT/boot.img" of="$RAW" bs=440 count=1 conv=notrunc status=none
dd if="$OUT/core.img" of="$RAW" bs=512 seek=1 conv=notrunc status=none
rm -f "$PART"
qemu-img convert -O qcow2 -c "$RAW" "$OUT/zcp-appliance.qcow2"
step "$RAW ($(du -h --apparent-size "$RAW" | cut -f1), $(du -h "$RAW" | cut -f1) used) and $OUT/zcp-appliance.qcow2 ($(du -h "$OUT/zcp-appliance.qcow2" | cut -f1))"
rm -rf "$FS" "$OUT/zcp.tar"
