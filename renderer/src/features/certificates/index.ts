import { IconCertificate } from '@tabler/icons-react'
import { lazyComponent, type FeatureModule } from '../../app/feature'

/**
 * Certificates (证书花名册, issue 12): the roster with its privacy option, print and Excel export; the import of
 * certificates issued elsewhere; the person file's certificates and academic records (sections of the 教育培训 tab).
 */
export const certificatesFeature: FeatureModule = {
  routes: [
    { path: 'certificates', permission: 'vocational.read', load: () => import('./roster/RosterPage').then((m) => m.RosterPage) },
    { path: 'certificates/import', permission: 'vocational.record', load: () => import('./excel/CertificateImportPage').then((m) => m.CertificateImportPage) },
  ],
  bareRoutes: [{ path: 'print/certificates', permission: 'vocational.read', load: () => import('./print/PrintRosterPage').then((m) => m.PrintRosterPage) }],
  navItems: [{ to: '/certificates', label: (t) => t('cert.nav'), icon: IconCertificate, permission: 'vocational.read', group: 'work' }],
  personSections: [
    { tab: 'vocational', key: 'certificates', permission: 'vocational.read', Section: lazyComponent(() => import('./person/CertificatesSection').then((m) => m.CertificatesSection)) },
    { tab: 'vocational', key: 'academic', permission: 'vocational.read', Section: lazyComponent(() => import('./person/AcademicSection').then((m) => m.AcademicSection)) },
  ],
  // A certificate issued or voided changes a course's certified count and eligibility.
  writeEffects: { certificates: ['courses'], academic: [] },
}
